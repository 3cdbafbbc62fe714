public import FairModels
