"""The classes of ``bench/hostile.py``, a module for each family of attacks.

``common`` holds what every class uses (the timed client, the RSS sampler);
each other module holds the classes of one family, each a function that runs
its attack against the real code and returns its note and whether it held.
"""
