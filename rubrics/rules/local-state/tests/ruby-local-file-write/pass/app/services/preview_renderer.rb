require "tmpdir"
require "tempfile"

class PreviewRenderer
  # File.write("public/preview.html", html)
=begin
  File.open("log/audit.log", "a") { |f| f.puts(line) }
  FileUtils.mkdir_p("public/exports")
=end

  def initialize(storage)
    @storage = storage
  end

  def read(path)
    File.read(path)
  end

  def read_lines(path)
    File.open(path, "r") { |f| f.readlines }
  end

  def read_binary(path)
    File.open(path) { |f| f.read }
  end

  def render(html)
    File.write(File.join(Dir.tmpdir, "preview.html"), html)
    FileUtils.mkdir_p(File.join(Dir.tmpdir, "pages"))
    Tempfile.create("preview") { |f| f.write(html) }
  end

  # look-alike: the storage client's write is not File.write
  def upload(name, data)
    @storage.write(name, data)
  end
end
