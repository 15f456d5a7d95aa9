def test_the_app_answers(client):
    # a test calling the endpoint is not the endpoint (paths_not excludes test code)
    assert client.get("/health").status_code == 200
