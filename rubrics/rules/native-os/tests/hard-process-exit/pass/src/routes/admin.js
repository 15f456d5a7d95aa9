// process.exit(0)
process.exitCode = 1;
process.on('exit', () => {});
