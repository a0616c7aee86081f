// Stands in for Electron's `process.parentPort` when the desktop engine bundle runs under plain
// Node (child_process.fork): messages travel over the fork's IPC channel instead of a MessagePort.
process.parentPort = {
  postMessage: (message) => process.send(message),
  on: (event, listener) => {
    if (event === 'message') process.on('message', (data) => listener({ data }));
  },
};
