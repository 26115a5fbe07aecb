"""An acknowledged write survives ``kill -9`` of the server process."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from badgr_mock.testing import password_token, run_subprocess


@pytest.mark.timeout(90)
def test_acknowledged_writes_survive_kill_9(tmp_path: Path) -> None:
    db = tmp_path / "mock.sqlite3"
    with run_subprocess(db) as mock, httpx.Client(base_url=mock.base_url, timeout=10) as client:
        headers = {"Authorization": f"Bearer {password_token(client)}"}
        created = []
        for index in range(5):
            response = client.post(
                "/v2/issuers",
                headers=headers,
                json={
                    "name": f"Durable {index}",
                    "email": "alice@example.com",
                    "url": "https://d.example",
                },
            )
            assert response.status_code == 201
            created.append(response.json()["result"][0]["entityId"])
        mock.kill_hard()
        assert mock.process.returncode == -9

    with run_subprocess(db) as mock, httpx.Client(base_url=mock.base_url, timeout=10) as client:
        # The token was stored too, so the same session keeps working after the crash.
        response = client.get("/v2/issuers", headers=headers)
        assert response.status_code == 200
        assert {item["entityId"] for item in response.json()["result"]} == set(created)
        users = client.post(
            "/o/token", data={"username": "bob@example.com", "password": "badgr-demo"}
        )
        assert users.status_code == 200  # the seed ran once, not again
