import pytest

from stockroom.config import ConfigError, Settings


def test_database_url_is_required(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with pytest.raises(ConfigError):
        Settings.from_env()


def test_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://stockroom@db/stockroom")
    monkeypatch.setenv("DB_POOL_MAX", "4")
    monkeypatch.setenv("LOG_JSON", "false")
    settings = Settings.from_env()
    assert settings.db_pool_max == 4
    assert settings.json_logs is False


def test_malformed_integer_is_reported(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://stockroom@db/stockroom")
    monkeypatch.setenv("DB_POOL_MAX", "ten")
    with pytest.raises(ConfigError, match="DB_POOL_MAX"):
        Settings.from_env()
