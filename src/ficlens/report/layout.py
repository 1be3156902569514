"""Place the character network: a deterministic force layout in unit coordinates.

Fruchterman-Reingold with numpy, started from a circle ordered by importance so
the same world always gives the same picture; fine for the 2-60 nodes we draw.
"""

from __future__ import annotations

import math

import numpy as np


def force_layout(count: int, edges: list[tuple[int, int, float]],
                 iterations: int = 250) -> list[tuple[float, float]]:
    """Positions in [0, 1]^2 for ``count`` nodes joined by weighted ``edges`` (a, b, weight)."""
    if count == 0:
        return []
    if count == 1:
        return [(0.5, 0.5)]
    angles = np.linspace(0, 2 * math.pi, count, endpoint=False) - math.pi / 2
    pos = np.stack([np.cos(angles), np.sin(angles)], axis=1) * 0.5
    weights = np.zeros((count, count))
    for a, b, w in edges:
        if a != b:
            weights[a, b] = weights[b, a] = max(weights[a, b], math.log1p(max(w, 0.0)))
    if weights.max() > 0:
        weights /= weights.max()
    k = 1.0 / math.sqrt(count)
    temperature = 0.1
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
        repulsion = (k * k / dist**2)[:, :, None] * delta
        attraction = ((dist / k) * (0.2 + weights) * (weights > 0))[:, :, None] * delta
        gravity = pos * 0.6
        move = (repulsion - attraction).sum(axis=1) - gravity
        length = np.maximum(np.linalg.norm(move, axis=1), 1e-9)
        pos += move / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature *= 0.985
    low, high = pos.min(axis=0), pos.max(axis=0)
    span = np.where(high - low > 1e-9, high - low, 1.0)
    scaled = (pos - low) / span
    return [(round(float(x), 4), round(float(y), 4)) for x, y in scaled]
