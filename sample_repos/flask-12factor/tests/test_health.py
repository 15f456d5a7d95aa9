def test_liveness(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_readiness_reports_database(client):
    response = client.get("/health/ready")
    assert response.status_code == 200
    assert response.get_json()["database"] == "up"


def test_readiness_fails_without_database(client, monkeypatch):
    monkeypatch.setattr("stockroom.db.ping", lambda: False)
    response = client.get("/health/ready")
    assert response.status_code == 503
