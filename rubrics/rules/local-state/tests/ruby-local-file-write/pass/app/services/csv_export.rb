require "tmpdir"

class CsvExport
  def write(csv)
    scratch = Dir.mktmpdir("export")
    target = File.join(scratch, "export.csv")
    File.write(target, csv)
    target
  end
end
