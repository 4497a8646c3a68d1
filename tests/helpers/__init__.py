"""Tests of the client helpers in `datacollectief` against the mock, in-process and served."""
