package dev.readnext.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.readnext.paper.ResourceKind;

class ResourceKindsTest {

    @ParameterizedTest
    @CsvSource({
        "https://arxiv.org/abs/2104.09864, PAPER",
        "https://huggingface.co/papers/2402.08609, PAPER",
        "https://openreview.net/forum?id=BJJsrmfCZ, PAPER",
        "https://dl.acm.org/doi/pdf/10.1145/3360307, PAPER",
        "http://pkamath.com/publications/papers/tsp-isca20.pdf, PAPER",
        "https://github.com/linkedin/Liger-Kernel, REPO",
        "https://gist.github.com/abacaj/9a567910c1a8663f7aa04520075e0ba8, REPO",
        "https://gitlab.com/group/project, REPO",
        "https://www.youtube.com/watch?v=o29P0Kpobz0&t=530s, VIDEO",
        "https://youtu.be/o29P0Kpobz0, VIDEO",
        "https://x.com/svlevine/status/1860874248166027683, POST",
        "https://twitter.com/karpathy/status/1, POST",
        "https://www.reddit.com/r/LocalLLaMA/comments/1h06abs/x/, POST",
        "https://huggingface.co/blog/onekq/muon-optimizer, BLOG",
        "https://huggingface.co/spaces/nanotron/ultrascale-playbook, BLOG",
        "https://sophiamyang.medium.com/building-a-rag-chatbot-d567a24fcd14, BLOG",
        "https://helixml.substack.com/p/how-we-got-fine-tuning-mistral-7b, BLOG",
        "https://cerebras.ai/blog/the-practitioners-guide/, BLOG",
        "https://qwen.ai/blog?id=4074cca8, BLOG",
        "http://karpathy.github.io/2015/05/21/rnn-effectiveness/, BLOG",
        "https://blog.tensorflow.org/2022/11/xla.html, BLOG",
        "https://flashinfer.ai/2024/02/02/introduce-flashinfer.html, BLOG",
        "https://www.borealisai.com/research-blogs/tutorial-17-transformers-iii-training/, BLOG",
        "https://www.coursera.org/learn/nlp-sequence-models, COURSE",
        "https://web.stanford.edu/class/cs224n/lectures/, COURSE",
        "https://huggingface.co/datasets/Locutusque/UltraTextbooks, OTHER",
        "https://docs.google.com/presentation/d/179dpz/edit, OTHER",
        "https://www.kaggle.com/competitions/predict-ai-model-runtime, OTHER",
    })
    void guessesKindFromUrl(String url, ResourceKind kind) {
        assertEquals(kind, ResourceKinds.fromUrl(url));
    }
}
