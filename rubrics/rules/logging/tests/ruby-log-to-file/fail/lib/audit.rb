require "logger"
# ruleid: ruby-log-to-file
AUDIT = Logger.new("log/audit.log", "daily")
