"""The shared cache on Redis, which a Redis outage degrades instead of breaking.

Everything the app keeps in the cache can be recomputed (page data, rendered blocks) or read again from the
database (sessions are `cached_db`), so while Redis is down a read is a miss and a write is dropped, with a
warning in the log, and pages keep working: the reliability suite stops Redis under load and expects that.
allauth's rate limits count in this cache too, so they do not hold while Redis is down.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def _degrades(answer_when_down):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except RedisError as error:
                logger.warning("cache unavailable for %s: %s", method.__name__, error)
                return answer_when_down(*args, **kwargs)

        return wrapper

    return decorate


def _default(key, default=None, *args, **kwargs):
    return default


class ResilientRedisCache(RedisCache):
    get = _degrades(_default)(RedisCache.get)
    get_many = _degrades(lambda *args, **kwargs: {})(RedisCache.get_many)
    has_key = _degrades(lambda *args, **kwargs: False)(RedisCache.has_key)
    set = _degrades(lambda *args, **kwargs: None)(RedisCache.set)
    set_many = _degrades(lambda keys, *args, **kwargs: list(keys))(RedisCache.set_many)
    add = _degrades(lambda *args, **kwargs: False)(RedisCache.add)
    touch = _degrades(lambda *args, **kwargs: False)(RedisCache.touch)
    delete = _degrades(lambda *args, **kwargs: False)(RedisCache.delete)
    delete_many = _degrades(lambda *args, **kwargs: None)(RedisCache.delete_many)
    incr = _degrades(lambda key, delta=1, *args, **kwargs: delta)(RedisCache.incr)
