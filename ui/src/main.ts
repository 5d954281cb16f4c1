import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";
// The theme on the page before anything draws (the remembered one, or the system's).
import "./lib/boardTheme";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

export default mount(App, { target });
