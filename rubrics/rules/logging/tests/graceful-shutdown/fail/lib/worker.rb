# ruleid: graceful-shutdown
Signal.trap("TERM") { @running = false }
