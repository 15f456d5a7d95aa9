import urllib.request
# ruleid: file-uri-reference
data = urllib.request.urlopen("file:///opt/shop/catalog.json").read()
