"""The deferred modules (scipy.stats, numpy's test tools and others): off the start-up path,
and whole the moment anything reads them.

Each check runs in a fresh interpreter, since the test process may have imported scipy.stats.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_brief_never_loads_scipy_stats() -> None:
    # Regression: importing scikit-learn loaded scipy.stats, 0.7 s of every run's start-up.
    out = _python("""
        import sys
        from summarize.config import load_config
        from summarize.brief.pipeline import summarize_articles
        from summarize.inputs.files import read_articles
        from summarize.resources import seeds_dir
        config = load_config()
        read = read_articles([str(seeds_dir())], config.reader)
        assert summarize_articles(read.articles, config).chosen
        print("sklearn.feature_extraction.text" in sys.modules,
              "scipy.stats._stats_py" in sys.modules,
              any(f"numpy.{name}.{part}" in sys.modules for name, part in (
                  ("testing", "_private"), ("f2py", "crackfortran"),
                  ("polynomial", "polynomial"))))
    """)
    assert out == "True False False"


def test_the_deferred_module_works_as_the_real_one() -> None:
    out = _python("""
        import sys
        from summarize.lazy import defer_unused
        defer_unused()
        placeholder = sys.modules["scipy.stats"]
        import scipy.stats                      # a plain import does not load it
        assert "scipy.stats._stats_py" not in sys.modules
        from sklearn.utils.fixes import _mode   # scikit-learn holds the placeholder
        import numpy as np
        print(_mode(np.array([3, 1, 3])).mode[0], end=" ")
        from scipy.stats import norm
        print(norm.cdf(0.0), placeholder.norm is norm, scipy.stats.__name__)
    """)
    assert out == "3 0.5 True scipy.stats"


def test_nothing_is_deferred_once_imported() -> None:
    out = _python("""
        import sys
        import scipy.stats
        from summarize.lazy import defer_unused
        real = sys.modules["scipy.stats"]
        defer_unused()
        print(sys.modules["scipy.stats"] is real)
    """)
    assert out == "True"


def test_deferred_numpy_submodules_work_as_the_real_ones() -> None:
    # numpy's __getattr__ imports a submodule "as" itself: with a placeholder only in
    # sys.modules that recursed; every way in must reach the real module
    out = _python("""
        import sys
        import numpy as np
        from summarize.lazy import defer_unused
        defer_unused()
        import scipy._lib._array_api            # clones numpy's namespace, placeholders too
        assert "numpy.testing._private" not in sys.modules
        np.testing.assert_equal(1, 1)
        from numpy.testing import assert_equal
        import numpy.polynomial
        print(np.polynomial.Polynomial([1, 2])(1.0), assert_equal is np.testing.assert_equal,
              np.polynomial is sys.modules["numpy.polynomial"], np.f2py.__name__)
    """)
    assert out == "3.0 True True numpy.f2py"
