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
  });
});
