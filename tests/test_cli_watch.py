"""``draft watch`` run as a real process: it must rebuild when the YAML changes,
report errors without stopping, and stop cleanly on Ctrl-C (SIGINT)."""

import os
import queue
import signal
import subprocess
import sys
import threading
import time

import docx

from .conftest import MINIMAL, ROOT

TIMEOUT = 30


class Watcher:
    def __init__(self, yaml_path):
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "drafting", "watch", str(yaml_path), "--interval", "0.05"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.everything: list[str] = []
        self.pump = threading.Thread(target=self._pump, daemon=True)
        self.pump.start()

    def _pump(self):
        for line in self.process.stdout:
            self.everything.append(line)
            self.lines.put(line)

    def wait_for(self, text):
        deadline = time.monotonic() + TIMEOUT
        seen = []
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no line with {text!r} within {TIMEOUT}s; saw {seen}")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()


def touch_later(path, text):
    """Write new content with a later mtime even on coarse-grained file systems."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


def test_watch_rebuilds_on_change_reports_errors_and_stops_on_ctrl_c(tmp_path):
    source = tmp_path / "讲话.yaml"
    source.write_text(MINIMAL, encoding="utf-8")
    output = tmp_path / "讲话.docx"
    watcher = Watcher(source)
    try:
        first = watcher.wait_for("已生成")
        assert "字数 " in first
        assert docx.Document(output).paragraphs[0].text == "在2025年测试会议上的讲话"

        touch_later(source, MINIMAL.replace("测试会议", "改过的会议"))
        watcher.wait_for("已生成")
        assert docx.Document(output).paragraphs[0].text == "在2025年改过的会议上的讲话"

        touch_later(source, "meeting: [1\n")
        error = watcher.wait_for("错误")
        assert "讲话.yaml:" in error
        assert docx.Document(output).paragraphs[0].text == "在2025年改过的会议上的讲话"  # kept

        touch_later(source, MINIMAL.replace("测试会议", "第三次会议"))
        watcher.wait_for("已生成")
        assert docx.Document(output).paragraphs[0].text == "在2025年第三次会议上的讲话"
    finally:
        code = watcher.stop()
    assert code == 0
    watcher.pump.join(timeout=TIMEOUT)
    assert "已停止监视。" in "".join(watcher.everything)
    assert "Traceback" not in "".join(watcher.everything)


def test_pack_change_triggers_a_rebuild(tmp_path):
    import shutil

    pack = tmp_path / "my-pack"
    shutil.copytree(ROOT / "templates" / "half-year-speech", pack)
    source = tmp_path / "讲话.yaml"
    source.write_text(MINIMAL.replace("pack: half-year-speech", "pack: ./my-pack"), encoding="utf-8")
    watcher = Watcher(source)
    try:
        watcher.wait_for("已生成")
        template = pack / "template.xml.j2"
        touch_later(template, template.read_text(encoding="utf-8").replace("上的讲话", "上的发言"))
        watcher.wait_for("已生成")
        assert docx.Document(tmp_path / "讲话.docx").paragraphs[0].text == "在2025年测试会议上的发言"
    finally:
        assert watcher.stop() == 0


def test_a_file_still_being_written_when_read_is_built_again_once_written(tmp_path, monkeypatch):
    """An editor truncates, then writes: a build that read the empty file must
    not take the finished file for the state it already built."""
    from click.testing import CliRunner

    from drafting.cli import main
    from drafting.source import yaml_loader
    from drafting.workflow import watch

    source = tmp_path / "讲话.yaml"
    source.write_text(MINIMAL, encoding="utf-8")
    finished = MINIMAL.replace("测试会议", "写完的会议")
    still_writing, polls = [], []

    def poll(_interval):
        polls.append(1)
        if len(polls) == 1:  # the editor has truncated the file, not yet written it
            touch_later(source, "")
            still_writing.append(finished)
        if len(polls) > 20:
            raise KeyboardInterrupt

    real_read, real_wait = yaml_loader.read_input, watch.wait_for_change

    def read_input(path, kind):
        try:
            return real_read(path, kind)
        finally:
            if still_writing:  # ... and finishes just after draft read it
                touch_later(source, still_writing.pop())

    monkeypatch.setattr(yaml_loader, "read_input", read_input)
    monkeypatch.setattr(watch, "wait_for_change", lambda paths, before, step: real_wait(paths, before, step, poll))
    result = CliRunner().invoke(main, ["watch", str(source)])
    assert result.exit_code == 0 and "已停止监视。" in result.output
    assert "文件是空的" in result.stderr
    assert docx.Document(tmp_path / "讲话.docx").paragraphs[0].text == "在2025年写完的会议上的讲话"
