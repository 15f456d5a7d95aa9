every 1.day, at: "2:00 am" do
  runner "Report.nightly"
end
