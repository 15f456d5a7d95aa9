class Counter
  # ruleid: mutable-static-state
  @@counts = Hash.new(0)
end
