# A block parameter that is not a temp folder is not exempt.
class BundleBuilder
  def call(folders, body)
    folders.each do |folder|
      # ruleid: ruby-local-file-write
      File.write(File.join(folder, "bundle.zip"), body)
    end
  end
end
