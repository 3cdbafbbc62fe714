import FuzzDriver
import ModelFuzzing

// The model loader on any bytes, seeded with lightgbm models (the format is recognised from the
// content, as the product does, so mutations reach every reader); a model that loads scores
// a row of zeros and a row of missing values.
runFuzzer { bytes in loadAndScore(bytes) }
