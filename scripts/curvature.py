#!/usr/bin/env python3
"""Derivatives of the loss along one parameter in 50-digit arithmetic (mpmath), written apart from
the engine: the reference values of LossExpansionTest and GradientCheckTest.

    scripts/curvature.py ACTIVATION LOSS THETA        e.g. scripts/curvature.py sigmoid mse 0.417,0.720,...

prints, for each parameter k, dL/dw, d2L/dw2, d3L/dw3 and d5L/dw5 at theta (XOR, H = 2 when 9
parameters are given, the engine's layout: W1 row-major, b1, W2, b2)."""
import sys
import mpmath as mp

mp.mp.dps = 50


def loss(theta, act, kind, hidden, targets=(0, 1, 1, 0)):
    total = mp.mpf(0)
    for r, (x1, x2) in enumerate([(0, 0), (0, 1), (1, 0), (1, 1)]):
        zy = theta[4 * hidden]
        for j in range(hidden):
            z = x1 * theta[j] + x2 * theta[hidden + j] + theta[2 * hidden + j]
            a = {'sigmoid': lambda z: 1 / (1 + mp.e ** (-z)), 'tanh': mp.tanh,
                 'relu': lambda z: z if z > 0 else mp.mpf(0)}[act](z)
            zy += a * theta[3 * hidden + j]
        y = 1 / (1 + mp.e ** (-zy))
        t = targets[r]
        total += (y - t) ** 2 if kind == 'mse' else -(t * mp.log(y) + (1 - t) * mp.log(1 - y))
    return total / 4


def main():
    act, kind = sys.argv[1], sys.argv[2]
    theta = [mp.mpf(float(v)) for v in sys.argv[3].strip('[]').split(',')]
    hidden = (len(theta) - 1) // 4
    for k in range(len(theta)):
        f = lambda t: loss([v + (t if i == k else 0) for i, v in enumerate(theta)], act, kind, hidden)
        print(k, ' '.join(mp.nstr(mp.diff(f, 0, n), 17) for n in (1, 2, 3, 5)))


if __name__ == '__main__':
    main()
