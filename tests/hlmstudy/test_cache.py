"""While Redis is down the shared cache misses and drops writes instead of failing every page."""

import socket

from hlmstudy.cache import ResilientRedisCache


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_cache_whose_redis_is_down_misses_and_drops_writes():
    cache = ResilientRedisCache(f"redis://127.0.0.1:{closed_port()}/0", {})

    assert cache.get("session", "absent") == "absent"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("key", 1) is False
    cache.set("key", 1)
    cache.delete("key")
    assert cache.has_key("key") is False
