# ruleid: mutable-static-state
_cache = {}

class Tracker:
    # ruleid: mutable-static-state
    seen_users = set()
