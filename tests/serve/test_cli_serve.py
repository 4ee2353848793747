"""``draft serve`` run as a real process: the URL with its token on the first
line of output, the page answered there, and Ctrl-C stopping it cleanly."""

import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from ..conftest import MINIMAL, ROOT

TIMEOUT = 30


def start(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "drafting", "serve", "--no-browser", *args],
        cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )


def stop(process):
    process.send_signal(signal.SIGINT)
    try:
        return process.wait(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is sent differently on Windows")
def test_serve_prints_its_url_first_and_stops_on_ctrl_c(tmp_path):
    (tmp_path / "讲话.yaml").write_text(MINIMAL, encoding="utf-8")
    process = start("讲话.yaml", cwd=tmp_path)
    try:
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and "/?token=" in url
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            assert "draft 写稿台" in response.read().decode("utf-8")
        bare = url.split("?")[0]
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(bare, timeout=TIMEOUT)
        assert refused.value.code == 403
    finally:
        code = stop(process)
    out, err = process.communicate()
    assert code == 0
    assert "Traceback" not in err
    assert err.strip().endswith("已停止。")


def test_a_taken_port_is_a_chinese_error(tmp_path):
    import socket

    (tmp_path / "讲话.yaml").write_text(MINIMAL, encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = start("讲话.yaml", "--port", str(port), cwd=tmp_path)
        out, err = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 1
    assert f"无法在端口 {port} 上启动" in err and "Traceback" not in err


def test_a_bad_file_is_reported_before_anything_listens(tmp_path):
    (tmp_path / "讲话.yaml").write_text("meeting: [\n", encoding="utf-8")
    process = start("讲话.yaml", cwd=tmp_path)
    out, err = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 1 and out == ""
    assert err.startswith("错误：讲话.yaml:") and "Traceback" not in err


def test_an_unknown_pack_for_a_new_file_is_reported(tmp_path):
    process = start("--pack", "没有这个包", "新讲话.yaml", cwd=tmp_path)
    out, err = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 1 and "没有这个包" in err and "Traceback" not in err
    assert not (tmp_path / "新讲话.yaml").exists()
