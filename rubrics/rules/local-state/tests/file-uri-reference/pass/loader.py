# urlopen("file:///opt/shop/catalog.json")
TEMPLATE = "file:///tmp/render.html"
HELP = "Use a file: URI only in tests"
