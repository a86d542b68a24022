"""The reference regional server: the part of the ZGW Documenten API that Tafelapp uses."""
