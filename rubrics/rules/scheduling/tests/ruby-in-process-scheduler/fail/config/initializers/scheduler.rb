# ruleid: ruby-in-process-scheduler
require "rufus-scheduler"
# ruleid: ruby-in-process-scheduler
scheduler = Rufus::Scheduler.singleton
scheduler.every("1h") { Purge.run }
