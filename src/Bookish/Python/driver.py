# Bookish's Python cell driver. Bookish starts it inside its sandbox (bubblewrap: no network, a scrubbed environment,
# a private copy of the document's folder as the working directory) and sends one JSON request per line on stdin:
#   {"id": 3, "group": "", "code": "...", "kind": "cell"|"expr", "output": "df"|null, "timeout": 30,
#    "figsize": [w, h] | null, "salt": "...", "style": "bookish" | null}
# and reads one JSON reply per line on its own copy of stdout. What cells print is captured (and truncated); fd 1
# of the process goes to /dev/null so a cell cannot forge replies by writing to it.
import ast, sys, os, io, json, signal, traceback, base64, math, contextlib, builtins, linecache, decimal

_proto = os.fdopen(os.dup(1), "w", encoding="utf-8")
_null = os.open(os.devnull, os.O_WRONLY)
os.dup2(_null, 1)
sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb"), encoding="utf-8")

LIMIT = int(os.environ.get("BOOKISH_PY_OUTPUT_LIMIT", "65536"))
TABLE_ROWS = 60
CELL = "<bookish-cell-%d>"

def fmt(v):
    """Bookish's inline value format: floats with at most 4 decimals, no trailing zeros; others as str()."""
    try:
        import numpy as np
        if isinstance(v, np.generic):
            v = v.item()
    except Exception:
        pass
    if isinstance(v, bool) or v is None:
        return str(v)
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            return str(v)
        if v != 0 and (abs(v) >= 1e6 or abs(v) < 1e-4):
            m, e = ("%.4e" % v).split("e")
            m = m.rstrip("0").rstrip(".")
            return "%s×10^%d" % (m, int(e))
        s = ("%.4f" % v).rstrip("0").rstrip(".")
        return "0" if s == "-0" else s
    return str(v)


def bookish_value(v):
    """The original bookish's value format (its Java Translator and Python template): a value whose type name starts with
    'float' (float, float64, float32) is printed as Java's String.format("%.4f", Double.parseDouble(str(v))) prints it:
    always four decimals, rounded half up from the shortest decimal form of the number; anything else as repr(v).
    Not-a-number and infinity, where bookish's Java stopped with an exception, stay as Python prints them."""
    if type(v).__name__.startswith("float"):
        s = str(v)
        try:
            d = decimal.Decimal(s)
        except Exception:
            return s
        if not d.is_finite():
            return s
        with decimal.localcontext() as ctx:
            ctx.prec = 1000
            return format(d.quantize(decimal.Decimal("0.0001"), rounding=decimal.ROUND_HALF_UP), "f")
    return repr(v)


class _Capture(io.TextIOBase):
    def __init__(self):
        self.parts, self.size, self.truncated = [], 0, False

    def writable(self):
        return True

    def write(self, s):
        if not isinstance(s, str):
            s = str(s)
        room = LIMIT - self.size
        if room <= 0:
            self.truncated = self.truncated or len(s) > 0
            return len(s)
        if len(s) > room:
            self.parts.append(s[:room]); self.size = LIMIT; self.truncated = True
        else:
            self.parts.append(s); self.size += len(s)
        return len(s)

    def text(self):
        return "".join(self.parts)


class CellTimeout(BaseException):
    pass


def _alarm(signum, frame):
    raise CellTimeout()


signal.signal(signal.SIGALRM, _alarm)


def _table(v):
    try:
        import pandas as pd
    except Exception:
        return None
    if isinstance(v, pd.Series):
        v = v.to_frame()
    if not isinstance(v, pd.DataFrame):
        return None
    shown = v.head(TABLE_ROWS)
    index_name = "" if shown.index.name is None else str(shown.index.name)
    return {
        "columns": [index_name] + [str(c) for c in shown.columns],
        "rows": [[fmt(i)] + [fmt(x) for x in row] for i, row in zip(shown.index, shown.itertuples(index=False, name=None))],
        "total": int(len(v)),
    }


def _figures(salt, figsize):
    # Matplotlib is configured by the matplotlibrc Bookish writes into MPLCONFIGDIR (Agg, SVG text as text, serif).
    _plt = sys.modules.get("matplotlib.pyplot")
    if _plt is None:
        return []
    import matplotlib
    out = []
    for k, num in enumerate(_plt.get_fignums()):
        fig = _plt.figure(num)
        if figsize:
            fig.set_size_inches(figsize[0], figsize[1])
        matplotlib.rcParams["svg.hashsalt"] = "%s-%d" % (salt, k)
        svg = io.StringIO()
        fig.savefig(svg, format="svg", bbox_inches="tight")
        pdf = io.BytesIO()
        fig.savefig(pdf, format="pdf", bbox_inches="tight")
        out.append({"svg": svg.getvalue(), "pdf": base64.b64encode(pdf.getvalue()).decode("ascii")})
    _plt.close("all")
    return out


def _error(e, cell_id):
    frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename != "<string>"]
    line = None
    for frame in frames:
        if frame.filename == CELL % cell_id:
            line = frame.lineno
    if isinstance(e, SyntaxError) and e.filename == CELL % cell_id:
        line = e.lineno
    # The driver's own frames are left out: the reader sees the cell's lines and the libraries it called.
    text = "".join(traceback.format_list(frames)) + "".join(traceback.format_exception_only(type(e), e))
    if frames:
        text = "Traceback (most recent call last):\n" + text
    missing = getattr(e, "name", None) if isinstance(e, ModuleNotFoundError) else None
    return {"type": type(e).__name__, "message": str(e), "line": line, "traceback": text, "module": missing}


_namespaces = {}
def _is_artist(v):
    items = v if isinstance(v, (list, tuple)) and v else [v]
    return all(type(x).__module__.startswith("matplotlib") for x in items)


def run(req):
    cell_id = req["id"]
    ns = _namespaces.setdefault(req.get("group", ""), {"__name__": "__main__", "__builtins__": builtins})
    cap = _Capture()
    reply = {"id": cell_id, "stdout": "", "truncated": False}
    timeout = max(1, int(req.get("timeout") or 30))
    signal.alarm(timeout)
    try:
        with contextlib.redirect_stdout(cap), contextlib.redirect_stderr(cap):
            filename = CELL % cell_id
            linecache.cache[filename] = (len(req["code"]), None, req["code"].splitlines(True), filename)
            bookish = req.get("style") == "bookish"
            if req.get("kind") == "expr":
                value = eval(compile(req["code"].strip(), filename, "eval"), ns)
                reply["value"] = bookish_value(value) if bookish else fmt(value)
            else:
                tree = ast.parse(req["code"], filename, "exec")
                last = None
                # Quarto and Jupyter show the value of a cell's last expression.
                if req.get("last") and tree.body and isinstance(tree.body[-1], ast.Expr):
                    last = ast.Expression(tree.body.pop().value)
                exec(compile(tree, filename, "exec"), ns)
                value, shown = None, False
                if last is not None:
                    value = eval(compile(last, filename, "eval"), ns)
                    shown = value is not None and not _is_artist(value)
                if req.get("output"):
                    value = eval(compile(req["output"], filename, "eval"), ns)
                    shown = True
                if shown and bookish:
                    # bookish: a DataFrame as a table, anything else as repr() (its dump() of output="expr").
                    table = _table(value) if type(value).__name__ == "DataFrame" else None
                    if table is not None:
                        reply["table"] = table
                    else:
                        reply["value"] = repr(value)
                elif shown:
                    table = _table(value)
                    if table is not None:
                        reply["table"] = table
                    else:
                        reply["value"] = fmt(value) if isinstance(value, (int, float)) or type(value).__module__ == "numpy" and not hasattr(value, "shape") else str(value)
        signal.alarm(0)
    except CellTimeout:
        reply["timeout"] = timeout
    except BaseException as e:
        signal.alarm(0)
        reply["error"] = _error(e, cell_id)
    finally:
        signal.alarm(0)
    try:
        reply["figures"] = _figures(req.get("salt", str(cell_id)), req.get("figsize"))
    except BaseException as e:
        reply["figures"] = []
        reply.setdefault("error", _error(e, cell_id))
    reply["stdout"] = cap.text()
    reply["truncated"] = cap.truncated
    return reply


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        reply = run(req)
        _proto.write(json.dumps(reply) + "\n")
        _proto.flush()


main()
