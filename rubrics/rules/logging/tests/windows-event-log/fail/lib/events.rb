# ruleid: windows-event-log
require "win32/eventlog"
