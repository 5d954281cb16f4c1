// Small line icons (16×16 viewBox, stroked) for the channels, so a channel reads by shape as well
// as by colour.

import type { ChannelKey } from "./labels";

export const CHANNEL_ICONS: Record<ChannelKey, string> = {
  web: "M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM1.5 8h13M8 1.5c2 2 2.6 4.2 2.6 6.5S10 12.5 8 14.5C6 12.5 5.4 10.3 5.4 8S6 3.5 8 1.5Z",
  mobile_app: "M5 1.5h6a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1ZM7 12h2",
  phone: "M3 2h3l1.2 3-1.7 1.2a8 8 0 0 0 4.3 4.3L11 8.8l3 1.2v3a1 1 0 0 1-1 1A11 11 0 0 1 2 3a1 1 0 0 1 1-1Z",
  in_person: "M8 2a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5ZM3 14.5c0-3 2.2-5 5-5s5 2 5 5",
  email: "M2 3.5h12v9H2ZM2 4l6 5 6-5",
  chat: "M2.5 3h11v7.5H7L4 13v-2.5H2.5Z",
  social: "M4 8a1.8 1.8 0 1 1 0 .01ZM12 3.5a1.8 1.8 0 1 1 0 .01ZM12 12.5a1.8 1.8 0 1 1 0 .01ZM5.6 7.2l4.8-2.6M5.6 8.8l4.8 2.6",
  partner: "M1.5 6.5 5 3.5l3 2 3-2 3.5 3M4 9l3 3 1.5-1.5M8.5 10.5 10 9M3 7.5l2.5 2.5M13 7.5l-3 3",
  other: "M8 4.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7Z",
  custom: "M8 2l1.8 3.8 4.2.5-3.1 2.9.8 4.1L8 11.3l-3.7 2 .8-4.1L2 6.3l4.2-.5Z",
};
