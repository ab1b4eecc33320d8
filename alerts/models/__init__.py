from .geography import Commune

__all__ = ["Commune"]
