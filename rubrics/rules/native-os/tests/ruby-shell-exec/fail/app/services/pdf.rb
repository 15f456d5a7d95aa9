require "open3"
class Pdf
  def render
    # ruleid: ruby-shell-exec
    system("wkhtmltopdf", "in.html", "out.pdf")
    # ruleid: ruby-shell-exec
    out, status = Open3.capture2("identify", "a.png")
    # ruleid: ruby-shell-exec
    version = `convert -version`
  end
end
