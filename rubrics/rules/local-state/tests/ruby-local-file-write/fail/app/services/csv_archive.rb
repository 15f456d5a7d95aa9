class CsvArchive
  def write(csv)
    folder = Rails.root.join("public", "exports")
    target = File.join(folder, "export.csv")
    # ruleid: ruby-local-file-write
    File.write(target, csv)
  end
end
