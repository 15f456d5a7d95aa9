class SearchClient
  # ruleid: hardcoded-localhost-url
  ENDPOINT = "http://localhost:9200".freeze
end
