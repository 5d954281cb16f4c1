// Words for the model's enums, as people read them.

import type { Department, Friction, IpcErrorCode, LaneKind, TouchpointChannel } from "../ipc";

const CHANNELS = {
  web: "Web",
  mobile_app: "Mobile app",
  phone: "Phone",
  in_person: "In person",
  email: "Email",
  chat: "Chat",
  social: "Social",
  partner: "Partner",
  other: "Other",
} as const satisfies Record<Exclude<TouchpointChannel, { custom: string }>, string>;

export type ChannelKey = keyof typeof CHANNELS | "custom";

/** The channel's name; a custom channel shows its own name. */
export function channelLabel(channel: TouchpointChannel): string {
  if (typeof channel === "string") return CHANNELS[channel] ?? channel;
  return channel.custom.trim() || "Custom channel";
}

/** A stable key for the channel's colour (`ch-<key>` classes in app.css). */
export function channelKey(channel: TouchpointChannel): ChannelKey {
  if (typeof channel === "string") return channel in CHANNELS ? channel : "other";
  return "custom";
}

const DEPARTMENTS = {
  marketing: "Marketing",
  sales: "Sales",
  service: "Service",
  finance: "Finance",
  e_commerce: "E-commerce",
  logistics: "Logistics",
  billing: "Billing",
  hr: "HR",
  product: "Product",
  it: "IT",
} as const satisfies Record<Exclude<Department, { custom: string }>, string>;

export function departmentLabel(department: Department): string {
  if (typeof department === "string") return DEPARTMENTS[department] ?? department;
  return department.custom.trim() || "Other department";
}

const FRICTIONS = {
  delay: "Delay",
  friction: "Friction",
  frustration: "Frustration",
  doubt: "Doubt",
  insecurity: "Insecurity",
  stress: "Stress",
  lack_of_trust: "Lack of trust",
  confusion: "Confusion",
} as const satisfies Record<Friction, string>;

export function frictionLabel(friction: Friction): string {
  return FRICTIONS[friction] ?? friction;
}

/** A lane kind as a CSS-safe key (`lane-<key>`). */
export function laneKey(kind: LaneKind): string {
  return kind.replaceAll("_", "-");
}

/** A headline for an error, by code; the error's own message goes beneath it. */
export function errorHeadline(code: IpcErrorCode): string {
  switch (code) {
    case "workspace_unavailable":
      return "The workspace could not be opened";
    case "locked":
      return "Another Corridor is using the workspace";
    case "damaged":
      return "The workspace is damaged";
    case "permission_denied":
      return "Corridor may not use the workspace folder";
    case "disk_full":
      return "The disk is full";
    case "conflict":
      return "The map changed in the meantime";
    case "nothing_to_undo":
      return "Nothing to undo";
    case "nothing_to_redo":
      return "Nothing to redo";
    case "revision_gone":
      return "That version is no longer kept";
    case "cancelled":
      return "Cancelled";
    case "newer_version":
      return "Made by a newer Corridor";
    case "not_found":
      return "This map is no longer in the workspace";
    case "already_exists":
      return "Already in the workspace";
    case "invalid":
    case "bad_file":
      return "This map could not be read";
    case "storage":
      return "The workspace could not be read";
    case "export_failed":
      return "The export could not be made";
    case "file_system":
      return "The file could not be read or written";
    case "ipc_failure":
      return "Corridor's backend did not answer";
    default:
      return "Something went wrong";
  }
}
