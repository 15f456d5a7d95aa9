def bail
  # ruleid: hard-process-exit
  exit!(1)
end
