import pytest

from stockroom import create_app
from stockroom.config import Settings


@pytest.fixture()
def app(monkeypatch):
    monkeypatch.setattr("stockroom.db.ping", lambda: True)
    settings = Settings(database_url="postgresql://stockroom@db/stockroom_test", json_logs=False)
    app = create_app(settings)
    app.config.update(TESTING=True)
    return app


@pytest.fixture()
def client(app):
    return app.test_client()
