package main

import (
	"koe/ingest"
	"koe/reports/parquet"
)

// answerStream writes answers.parquet while ingest writes the answers, on
// a goroutine of its own, so that `koe run` need not read millions of
// answers back out of SQLite to export them. It sees every respondent the
// database writer accepts, in the same order, which on run's fresh scratch
// database is the order the export would read them in (TestRunEqualsStages
// holds the two to the same bytes).
type answerStream struct {
	w    *parquet.Answers
	ch   chan answerBatch
	done chan struct{}
	err  error // the writer's first error, read after done

	wave string
	buf  []*ingest.Respondent
}

type answerBatch struct {
	wave string
	rs   []*ingest.Respondent
}

// streamBatch is how many respondents go over the channel at once.
const streamBatch = 256

func startAnswerStream(dir string) (*answerStream, error) {
	w, err := parquet.CreateAnswers(dir)
	if err != nil {
		return nil, err
	}
	s := &answerStream{w: w, ch: make(chan answerBatch, 16), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		for b := range s.ch {
			if s.err != nil {
				continue // drain; close reports the error
			}
			for _, r := range b.rs {
				for _, a := range r.Answers {
					if err := w.Add(b.wave, r.ID, a.QuestionID, a.Code, a.Value); err != nil {
						s.err = err
						break
					}
				}
			}
		}
	}()
	return s, nil
}

// sink puts the stream behind next for one wave's survey: a respondent
// next accepts is streamed too.
func (s *answerStream) sink(wave string, next ingest.Sink) ingest.Sink {
	s.send()
	s.wave = wave
	return &streamSink{Sink: next, s: s}
}

func (s *answerStream) send() {
	if len(s.buf) > 0 {
		s.ch <- answerBatch{s.wave, s.buf}
		s.buf = make([]*ingest.Respondent, 0, streamBatch)
	}
}

// close writes what is left and puts answers.parquet in place.
func (s *answerStream) close() error {
	s.send()
	close(s.ch)
	<-s.done
	if s.err != nil {
		s.w.Abort()
		return s.err
	}
	return s.w.Close()
}

// abort stops the stream and leaves no file.
func (s *answerStream) abort() {
	s.buf = nil
	close(s.ch)
	<-s.done
	s.w.Abort()
}

type streamSink struct {
	ingest.Sink
	s *answerStream
}

func (k *streamSink) Respondent(r *ingest.Respondent) error {
	if err := k.Sink.Respondent(r); err != nil {
		return err
	}
	k.s.buf = append(k.s.buf, r)
	if len(k.s.buf) == streamBatch {
		k.s.send()
	}
	return nil
}
