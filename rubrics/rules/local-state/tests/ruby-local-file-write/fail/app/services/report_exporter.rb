require "fileutils"

class ReportExporter
  EXPORT_DIR = Rails.root.join("public", "exports")

  def export(name, csv)
    # ruleid: ruby-local-file-write
    FileUtils.mkdir_p(EXPORT_DIR)
    # ruleid: ruby-local-file-write
    File.write(EXPORT_DIR.join("#{name}.csv"), csv)
  end

  def append_audit(line)
    # ruleid: ruby-local-file-write
    File.open("log/audit.log", "a") do |f|
      f.puts(line)
    end
  end

  def save_pdf(name, pdf)
    # ruleid: ruby-local-file-write
    File.open(EXPORT_DIR.join("#{name}.pdf"), "wb") { |f| f.write(pdf) }
  end

  def archive(path)
    # ruleid: ruby-local-file-write
    FileUtils.mv(path, EXPORT_DIR.join("archive"))
  end

  def dump(name, data)
    # ruleid: ruby-local-file-write
    IO.write("dumps/#{name}.json", data)
  end
end
