require "tempfile"
require "tmpdir"

# Builds a zip under a temp folder the block is given, and a manifest in a Tempfile.
class BundleBuilder
  def call(files)
    Dir.mktmpdir("bundle") do |work|
      files.each { |name, body| File.write(File.join(work, name), body) }
      FileUtils.mkdir_p(File.join(work, "meta"))
    end
    Tempfile.create(["manifest", ".txt"]) do |manifest|
      File.open(manifest.path, "w") { |out| out.write(files.keys.join("\n")) }
    end
  end
end
