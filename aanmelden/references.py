"""Public references such as ``VRY-7K3QX9``: random, so they reveal nothing about volumes.

The alphabet leaves out characters people confuse when reading a reference over the phone
(0/O, 1/I/L, U/V). 30**6 is about 729 million codes per prefix; collisions are retried.
"""

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
LENGTH = 6


def new_reference(prefix):
    return f"{prefix}-" + "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
