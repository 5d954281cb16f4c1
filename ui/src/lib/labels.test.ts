import type { IpcErrorCode } from "../ipc";
import { describe, expect, it } from "vitest";
import { channelKey, channelLabel, departmentLabel, errorHeadline, frictionLabel } from "./labels";

describe("labels", () => {
  it("names channels, custom ones by their own name", () => {
    expect(channelLabel("in_person")).toBe("In person");
    expect(channelLabel({ custom: "video call" })).toBe("video call");
    expect(channelLabel({ custom: "  " })).toBe("Custom channel");
    expect(channelKey({ custom: "x" })).toBe("custom");
    expect(channelKey("mobile_app")).toBe("mobile_app");
  });

  it("names departments and frictions", () => {
    expect(departmentLabel("e_commerce")).toBe("E-commerce");
    expect(departmentLabel({ custom: "Onboarding" })).toBe("Onboarding");
    expect(frictionLabel("lack_of_trust")).toBe("Lack of trust");
  });
});

describe("errorHeadline", () => {
  it("says plainly what failed", () => {
    expect(errorHeadline("workspace_unavailable")).toBe("The workspace could not be opened");
    expect(errorHeadline("ipc_failure")).toBe("Corridor's backend did not answer");
    expect(errorHeadline("conflict")).toBe("The map changed in the meantime");
    expect(errorHeadline("damaged")).toBe("The workspace is damaged");
  });

  it("has its own headline for every code the backend sends", () => {
    const codes = [
      "workspace_unavailable", "locked", "damaged", "permission_denied", "disk_full", "newer_version",
      "not_found", "already_exists", "invalid", "conflict", "nothing_to_undo", "nothing_to_redo",
      "revision_gone", "bad_file", "cancelled", "storage", "export_failed", "file_system",
    ] as const satisfies readonly IpcErrorCode[];
    for (const code of codes) expect(errorHeadline(code), code).not.toBe("Something went wrong");
  });
});
