//! Integration tests of corridor-room: a real server on 127.0.0.1, spoken to over TCP.

mod client;
mod fixture;
mod load;
mod security;
