package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"
)

type Task struct {
	ID        int       `json:"id"`
	Title     string    `json:"title"`
	Done      bool      `json:"done"`
	CreatedAt time.Time `json:"created_at"`
}

var errNotFound = errors.New("task not found")

func load(path string) ([]Task, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	defer f.Close()
	var tasks []Task
	if err := json.NewDecoder(bufio.NewReader(f)).Decode(&tasks); err != nil && err != io.EOF {
		return nil, fmt.Errorf("decode %s: %w", path, err)
	}
	return tasks, nil
}

func save(path string, tasks []Task) error {
	data, err := json.MarshalIndent(tasks, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

func main() {
	file := flag.String("file", "tasks.json", "where tasks are kept")
	addr := flag.String("listen", ":8080", "address to serve on")
	flag.Parse()

	root := &cobra.Command{Use: "tasks", Short: "A tiny task list"}
	root.AddCommand(&cobra.Command{
		Use:  "add [title]",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			tasks, err := load(*file)
			if err != nil {
				return err
			}
			tasks = append(tasks, Task{ID: len(tasks) + 1, Title: strings.Join(args, " "), CreatedAt: time.Now()})
			return save(*file, tasks)
		},
	})
	root.AddCommand(&cobra.Command{
		Use: "list",
		RunE: func(cmd *cobra.Command, args []string) error {
			tasks, err := load(*file)
			if err != nil {
				return err
			}
			sort.Slice(tasks, func(i, j int) bool { return tasks[i].CreatedAt.Before(tasks[j].CreatedAt) })
			for _, t := range tasks {
				mark := " "
				if t.Done {
					mark = "x"
				}
				fmt.Printf("[%s] %3d %s\n", mark, t.ID, t.Title)
			}
			return nil
		},
	})
	root.AddCommand(&cobra.Command{
		Use: "serve",
		RunE: func(cmd *cobra.Command, args []string) error {
			http.HandleFunc("/tasks", func(w http.ResponseWriter, r *http.Request) {
				tasks, err := load(*file)
				if err != nil {
					http.Error(w, err.Error(), http.StatusInternalServerError)
					return
				}
				w.Header().Set("Content-Type", "application/json")
				_ = json.NewEncoder(w).Encode(tasks)
			})
			return http.ListenAndServe(*addr, nil)
		},
	})
	if err := root.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
