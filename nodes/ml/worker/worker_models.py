"""The model zoo: linear and logistic regression and an MLP, all plain nn.Sequential stacks so that
they trace to TorchScript and export to ONNX without special cases."""
from torch import nn

from worker_protocol import WorkerFailure

ACTIVATIONS = {"relu": nn.ReLU, "gelu": nn.GELU, "tanh": nn.Tanh}


def check_model_fits_task(model, task):
    if model == "linear" and task == "classification":
        raise WorkerFailure("model linear predicts numbers (regression); for classification use model logistic or mlp.")
    if model == "logistic" and task == "regression":
        raise WorkerFailure("model logistic predicts classes (classification); for regression use model linear or mlp.")


def output_size(task, classes):
    return len(classes) if task == "classification" else 1


def build_model(spec, n_features, n_outputs):
    """spec: the train params (model, hidden_layers, activation, dropout). Outputs are logits for
    classification (one per class) and one value for regression."""
    if spec["model"] in ("linear", "logistic"):
        return nn.Sequential(nn.Linear(n_features, n_outputs))
    activation = ACTIVATIONS.get(spec.get("activation", "relu"))
    if activation is None:
        raise WorkerFailure("activation must be one of %s." % ", ".join(sorted(ACTIVATIONS)))
    layers = []
    width = n_features
    for hidden in spec.get("hidden_layers") or []:
        layers.append(nn.Linear(width, hidden))
        layers.append(activation())
        if spec.get("dropout", 0) > 0:
            layers.append(nn.Dropout(spec["dropout"]))
        width = hidden
    layers.append(nn.Linear(width, n_outputs))
    return nn.Sequential(*layers)
