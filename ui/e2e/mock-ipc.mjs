// The Tauri IPC as the page sees it, answered from test data. Mirrors what `mockIPC` and
// `mockWindows` of @tauri-apps/api/mocks install on `window`, so @tauri-apps/api/core's
// `invoke` works unchanged. Runs in the page (page.addInitScript), before the app's scripts.

/**
 * @param {{ summaries: any[], maps: any[], failures?: Record<string, { code: string, message: string }> }} data
 */
export function installMockIpc(data) {
  const callbacks = new Map();
  const calls = [];
  const clone = (value) => JSON.parse(JSON.stringify(value));

  async function invoke(cmd, args) {
    calls.push({ cmd, args: clone(args ?? {}) });
    const failure = data.failures?.[cmd];
    // Tauri rejects a failed command with the serialised error value.
    if (failure) throw clone(failure);
    switch (cmd) {
      case "maps_list":
        return clone(data.summaries);
      case "maps_get": {
        const map = data.maps.find((m) => m.id === args?.id);
        if (!map) throw { code: "not_found", message: `No map with id ${args?.id}` };
        return clone(map);
      }
      default:
        throw `command ${cmd} not found`;
    }
  }

  function transformCallback(callback, once = false) {
    const id = window.crypto.getRandomValues(new Uint32Array(1))[0];
    callbacks.set(id, (payload) => {
      if (once) callbacks.delete(id);
      return callback && callback(payload);
    });
    return id;
  }

  window.__TAURI_INTERNALS__ = {
    invoke,
    transformCallback,
    unregisterCallback: (id) => callbacks.delete(id),
    runCallback: (id, payload) => callbacks.get(id)?.(payload),
    callbacks,
    metadata: {
      currentWindow: { label: "main" },
      currentWebview: { windowLabel: "main", label: "main" },
    },
  };
  window.__TAURI_EVENT_PLUGIN_INTERNALS__ = { unregisterListener: (_event, id) => callbacks.delete(id) };
  window.__ipcCalls = calls;

  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
  });
}
