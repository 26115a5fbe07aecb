"""Jobs: operations made of many requests (``award_many``, ``revoke_many``, ``holders``).

Each is a :class:`~badgr._call.Job`, a coroutine over the async executor written once: the
async client awaits it, the sync client runs it on its private event loop (``loop.py``).
``lanes.py`` runs workers on lanes of their own under an adaptive limit and reports progress;
``holders.py`` is the one rule for "this recipient already holds the badge".
"""
